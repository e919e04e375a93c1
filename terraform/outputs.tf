output "resource_group_name" {
  description = "Resource group of the environment (RESOURCE_GROUP in the GitHub environment)."
  value       = azurerm_resource_group.this.name
}

output "container_registry_name" {
  description = "Registry name (ACR_NAME in the GitHub environment)."
  value       = module.registry.name
}

output "container_registry_id" {
  description = "Registry resource id (prod.tfvars image_source_registry_id takes dev's)."
  value       = module.registry.id
}

output "container_registry_login_server" {
  description = "Registry login server images are pushed to."
  value       = module.registry.login_server
}

output "container_app_name" {
  description = "Container App name (CONTAINER_APP_NAME in the GitHub environment)."
  value       = local.container_app_name
}

output "container_app_url" {
  description = "Public HTTPS URL of the service (null until an image is deployed)."
  value       = module.container_app.app_fqdn == null ? null : "https://${module.container_app.app_fqdn}"
}

output "public_base_url" {
  description = "SMS_PUBLIC_BASE_URL: configure the provider webhooks as <this>/webhook/twilio and <this>/webhook/plivo."
  value       = module.container_app.public_base_url
}

output "key_vault_name" {
  description = "Key Vault holding the service's secrets."
  value       = module.keyvault.name
}

output "key_vault_uri" {
  description = "Key Vault URI."
  value       = module.keyvault.vault_uri
}

output "servicebus_namespace" {
  description = "Fully qualified Service Bus namespace (SMS_SERVICEBUS_NAMESPACE)."
  value       = module.servicebus.fully_qualified_namespace
}

output "sql_server_fqdn" {
  description = "Azure SQL server host name."
  value       = module.sql.server_fqdn
}

output "sql_database_name" {
  description = "Azure SQL database name."
  value       = module.sql.database_name
}

output "app_identity_client_id" {
  description = "Client id of the service's managed identity (AZURE_CLIENT_ID)."
  value       = module.identity.app_identity_client_id
}

output "app_insights_name" {
  description = "Application Insights component with the service's telemetry and customMetrics."
  value       = module.monitoring.app_insights_name
}
