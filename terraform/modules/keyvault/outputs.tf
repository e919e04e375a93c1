output "id" {
  description = "Key Vault id."
  value       = azurerm_key_vault.this.id
}

output "name" {
  description = "Key Vault name."
  value       = azurerm_key_vault.this.name
}

output "vault_uri" {
  description = "Key Vault URI."
  value       = azurerm_key_vault.this.vault_uri
}

output "secret_versionless_ids" {
  description = "Secret name -> versionless id. Container Apps references these, so a new secret version is picked up without a Terraform change."
  value = merge(
    { for name, secret in azurerm_key_vault_secret.generated : name => secret.versionless_id },
    { for name, secret in azurerm_key_vault_secret.operator : name => secret.versionless_id },
  )
}
