output "app_identity_id" {
  description = "Resource id of the app's identity."
  value       = azurerm_user_assigned_identity.app.id
}

output "app_identity_client_id" {
  description = "Client id of the app's identity (AZURE_CLIENT_ID)."
  value       = azurerm_user_assigned_identity.app.client_id
}

output "app_identity_principal_id" {
  description = "Principal (object) id of the app's identity."
  value       = azurerm_user_assigned_identity.app.principal_id
}

output "scaler_identity_id" {
  description = "Resource id of the scale rule's identity."
  value       = azurerm_user_assigned_identity.scaler.id
}
