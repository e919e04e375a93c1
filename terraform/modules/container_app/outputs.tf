output "environment_id" {
  description = "Container Apps environment id."
  value       = azurerm_container_app_environment.this.id
}

output "environment_default_domain" {
  description = "The environment's default domain."
  value       = azurerm_container_app_environment.this.default_domain
}

output "app_id" {
  description = "Container App id (null until an image is deployed)."
  value       = try(azurerm_container_app.this[0].id, null)
}

output "app_fqdn" {
  description = "Container App ingress FQDN (null until an image is deployed)."
  value       = try(azurerm_container_app.this[0].ingress[0].fqdn, null)
}

output "public_base_url" {
  description = "SMS_PUBLIC_BASE_URL the app is configured with."
  value       = local.public_base_url
}
