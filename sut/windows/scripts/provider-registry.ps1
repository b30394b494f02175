# Shared by register-provider.ps1 and unregister-provider.ps1 (dot-sourced): where the MPR
# looks for network providers, and the values that record what registration added.
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$OrderKey = 'HKLM:\SYSTEM\CurrentControlSet\Control\NetworkProvider\Order'
# Kept in the provider's own service key, which registration creates and unregistration deletes.
$MarkRegistered = 'WnetconfRegistered'      # this key was made by register-provider.ps1
$MarkAddedToOrder = 'WnetconfAddedToOrder'  # 1: it put the name into ProviderOrder
$MarkCreatedOrder = 'WnetconfCreatedOrder'  # 1: ProviderOrder did not exist before

function Get-ServiceKeyPath([string]$Name) { "HKLM:\SYSTEM\CurrentControlSet\Services\$Name" }

function Assert-Elevated {
    $me = [Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()
    if (-not $me.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) {
        throw 'HKLM can only be changed from an elevated shell (Run as administrator).'
    }
}

# ProviderOrder as written (a comma-separated list), or $null when the value is absent.
function Get-ProviderOrder {
    $key = Get-Item -LiteralPath $OrderKey -ErrorAction SilentlyContinue
    if ($null -eq $key) { return $null }
    $key.GetValue('ProviderOrder', $null, 'DoNotExpandEnvironmentNames')
}

function Set-ProviderOrder([string]$Value) {
    if (-not (Test-Path -LiteralPath $OrderKey)) { New-Item -Path $OrderKey -Force | Out-Null }
    New-ItemProperty -LiteralPath $OrderKey -Name ProviderOrder -PropertyType String -Value $Value -Force | Out-Null
}

# The entries of a ProviderOrder value, exactly as written (names compare case-insensitively).
function Split-ProviderOrder([string]$Value) {
    if ([string]::IsNullOrEmpty($Value)) { return @() }
    @($Value -split ',')
}

function Get-Mark([string]$ServiceKey, [string]$Mark) {
    $key = Get-Item -LiteralPath $ServiceKey -ErrorAction SilentlyContinue
    if ($null -eq $key) { return $null }
    $key.GetValue($Mark, $null)
}
