<#
.SYNOPSIS
  Registers wnetconf-np.dll, the wnetconf test network provider, with the Windows MPR.
.DESCRIPTION
  Creates HKLM\SYSTEM\CurrentControlSet\Services\<Name> (Group = NetworkProvider) and its
  NetworkProvider subkey (Name, ProviderPath, Class = 1), then puts <Name> first in
  HKLM\SYSTEM\CurrentControlSet\Control\NetworkProvider\Order\ProviderOrder. The providers
  already listed stay, in their order, exactly as written. The service key records what was
  added, so that unregister-provider.ps1 removes exactly that. Running it again changes
  nothing (a new -DllPath replaces the old one). Needs an elevated shell. Processes started
  afterwards load the provider; those already running do not.
.EXAMPLE
  .\register-provider.ps1 -DllPath C:\wnetconf\wnetconf-np.dll
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)][string]$DllPath,
    [ValidatePattern('^[A-Za-z0-9_.-]+$')][string]$Name = 'wnetconf',
    [string]$DisplayName = 'wnetconf test network'
)
. (Join-Path $PSScriptRoot 'provider-registry.ps1')

Assert-Elevated
$dll = (Resolve-Path -LiteralPath $DllPath).ProviderPath
$service = Get-ServiceKeyPath $Name

if (Test-Path -LiteralPath $service) {
    if ($null -eq (Get-Mark $service $MarkRegistered)) {
        throw "$service exists and was not made by register-provider.ps1; choose another -Name."
    }
} else {
    New-Item -Path $service -Force | Out-Null
    New-ItemProperty -LiteralPath $service -Name Group -PropertyType String -Value NetworkProvider | Out-Null
    New-ItemProperty -LiteralPath $service -Name $MarkRegistered -PropertyType DWord -Value 1 | Out-Null
    New-ItemProperty -LiteralPath $service -Name $MarkAddedToOrder -PropertyType DWord -Value 0 | Out-Null
    New-ItemProperty -LiteralPath $service -Name $MarkCreatedOrder -PropertyType DWord -Value 0 | Out-Null
}
# The provider's description first, so that the MPR never finds the name without it.
$np = Join-Path $service 'NetworkProvider'
if (-not (Test-Path -LiteralPath $np)) { New-Item -Path $np -Force | Out-Null }
New-ItemProperty -LiteralPath $np -Name Name -PropertyType String -Value $DisplayName -Force | Out-Null
New-ItemProperty -LiteralPath $np -Name ProviderPath -PropertyType ExpandString -Value $dll -Force | Out-Null
New-ItemProperty -LiteralPath $np -Name Class -PropertyType DWord -Value 1 -Force | Out-Null  # WN_NETWORK_CLASS

$order = Get-ProviderOrder
$entries = @(Split-ProviderOrder $order)
if ($entries | Where-Object { $_.Trim() -eq $Name }) {
    Write-Output "ProviderOrder already lists ${Name}: left as it is ($order)."
} else {
    # First, so that the MPR asks the test provider before any real one (LanmanWorkstation
    # would otherwise look for a server called fs1 on the network).
    $new = if ([string]::IsNullOrEmpty($order)) { $Name } else { "$Name,$order" }
    Set-ProviderOrder $new
    Set-ItemProperty -LiteralPath $service -Name $MarkAddedToOrder -Value 1
    if ($null -eq $order) { Set-ItemProperty -LiteralPath $service -Name $MarkCreatedOrder -Value 1 }
    Write-Output "ProviderOrder: $new"
}
Write-Output "Registered $Name ($dll)."
