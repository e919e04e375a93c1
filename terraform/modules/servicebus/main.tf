terraform {
  required_providers {
    azurerm = {
      source = "hashicorp/azurerm"
    }
  }
}

# Standard tier (topics and subscriptions). Local (SAS) auth is off: the service and the KEDA scaler
# authenticate with managed identities, so no connection string exists to leak.
resource "azurerm_servicebus_namespace" "this" {
  name                = var.name
  location            = var.location
  resource_group_name = var.resource_group_name
  sku                 = var.sku
  local_auth_enabled  = false
  minimum_tls_version = "1.2"
  tags                = var.tags
}

# One topic per message type (SendOrderConfirmationSms, SendEventReminderSms), as in the emulator's
# servicebus-emulator/Config.json. The order system publishes; duplicates are handled by the service's
# idempotent consumer, so broker-side duplicate detection is not needed.
resource "azurerm_servicebus_topic" "this" {
  for_each = toset(var.topic_names)

  name                = each.value
  namespace_id        = azurerm_servicebus_namespace.this.id
  default_message_ttl = "P14D"
}

# The service's subscription on each topic. After max_delivery_count deliveries (the consumer's own
# retries having failed on each), or when a message expires, Service Bus moves it to the subscription's
# dead-letter sub-queue, where the admin replay flow reads it.
resource "azurerm_servicebus_subscription" "this" {
  for_each = azurerm_servicebus_topic.this

  name                                 = var.subscription_name
  topic_id                             = each.value.id
  max_delivery_count                   = var.max_delivery_count
  lock_duration                        = var.lock_duration
  dead_lettering_on_message_expiration = true
  default_message_ttl                  = "P14D"
}
