<#
.SYNOPSIS
  Removes what register-provider.ps1 added, and nothing else.
.DESCRIPTION
  Takes <Name> out of ProviderOrder if registration put it there (the first entry of that
  name; the other entries stay exactly as written), removes the ProviderOrder value if
  registration created it and nothing else is listed, and deletes
  HKLM\SYSTEM\CurrentControlSet\Services\<Name>. A key that register-provider.ps1 did not
  make is left alone. Running it again changes nothing. Needs an elevated shell; stop the
  agent first (processes that loaded the provider keep it until they exit).
.EXAMPLE
  .\unregister-provider.ps1
#>
[CmdletBinding()]
param([ValidatePattern('^[A-Za-z0-9_.-]+$')][string]$Name = 'wnetconf')
. (Join-Path $PSScriptRoot 'provider-registry.ps1')

Assert-Elevated
$service = Get-ServiceKeyPath $Name
if (-not (Test-Path -LiteralPath $service)) {
    Write-Output "$Name is not registered: nothing to do."
    return
}
if ($null -eq (Get-Mark $service $MarkRegistered)) {
    throw "$service was not made by register-provider.ps1: left alone."
}

if ((Get-Mark $service $MarkAddedToOrder) -eq 1) {
    $order = Get-ProviderOrder
    $entries = @(Split-ProviderOrder $order)
    $at = -1
    for ($i = 0; $i -lt $entries.Count -and $at -lt 0; $i++) { if ($entries[$i].Trim() -eq $Name) { $at = $i } }
    $rest = @(for ($i = 0; $i -lt $entries.Count; $i++) { if ($i -ne $at) { $entries[$i] } })
    if ($null -ne $order -and $rest.Count -eq 0 -and (Get-Mark $service $MarkCreatedOrder) -eq 1) {
        Remove-ItemProperty -LiteralPath $OrderKey -Name ProviderOrder
        Write-Output 'ProviderOrder removed (registration had created it).'
    } elseif ($at -ge 0) {
        Set-ProviderOrder ($rest -join ',')
        Write-Output "ProviderOrder: $($rest -join ',')"
    }
}
Remove-Item -LiteralPath $service -Recurse
Write-Output "Unregistered $Name."
