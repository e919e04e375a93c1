output "id" {
  description = "Registry id."
  value       = azurerm_container_registry.this.id
}

output "name" {
  description = "Registry name."
  value       = azurerm_container_registry.this.name
}

output "login_server" {
  description = "Registry login server, e.g. acrsmsdev1a2b3c.azurecr.io."
  value       = azurerm_container_registry.this.login_server
}
