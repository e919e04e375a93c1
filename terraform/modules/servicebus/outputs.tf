output "namespace_id" {
  description = "Namespace id (scope of the dead-letter metric alert)."
  value       = azurerm_servicebus_namespace.this.id
}

output "namespace_name" {
  description = "Namespace name (the KEDA scaler's `namespace`)."
  value       = azurerm_servicebus_namespace.this.name
}

output "fully_qualified_namespace" {
  description = "<name>.servicebus.windows.net, what SMS_SERVICEBUS_NAMESPACE carries."
  value       = "${azurerm_servicebus_namespace.this.name}.servicebus.windows.net"
}

output "topic_ids" {
  description = "Topic name -> id (scopes of the identities' Service Bus roles)."
  value       = { for name, topic in azurerm_servicebus_topic.this : name => topic.id }
}

output "subscription_ids" {
  description = "Topic name -> id of the service's subscription on it."
  value       = { for name, subscription in azurerm_servicebus_subscription.this : name => subscription.id }
}
