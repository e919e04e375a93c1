output "log_analytics_workspace_id" {
  description = "Log Analytics workspace id."
  value       = azurerm_log_analytics_workspace.this.id
}

output "app_insights_id" {
  description = "Application Insights component id (scope of the log alerts)."
  value       = azurerm_application_insights.this.id
}

output "app_insights_name" {
  description = "Application Insights component name."
  value       = azurerm_application_insights.this.name
}

output "app_insights_connection_string" {
  description = "Application Insights connection string (APPLICATIONINSIGHTS_CONNECTION_STRING)."
  value       = azurerm_application_insights.this.connection_string
  sensitive   = true
}
