terraform {
  required_providers {
    azurerm = {
      source = "hashicorp/azurerm"
    }
  }
}

# The service's identity: pulls its image, reads its Key Vault secrets, consumes and (for dead-letter
# replay) re-publishes on the topics. The app finds it through AZURE_CLIENT_ID.
resource "azurerm_user_assigned_identity" "app" {
  name                = "id-${var.name_prefix}"
  location            = var.location
  resource_group_name = var.resource_group_name
  tags                = var.tags
}

# A second identity only for the KEDA scale rule: reading a subscription's message count goes through
# the Service Bus management API, which needs Data Owner. Kept off the app's identity (least privilege).
resource "azurerm_user_assigned_identity" "scaler" {
  name                = "id-${var.name_prefix}-scaler"
  location            = var.location
  resource_group_name = var.resource_group_name
  tags                = var.tags
}

resource "azurerm_role_assignment" "app_key_vault_secrets_user" {
  scope                = var.key_vault_id
  role_definition_name = "Key Vault Secrets User"
  principal_id         = azurerm_user_assigned_identity.app.principal_id
  principal_type       = "ServicePrincipal"
}

resource "azurerm_role_assignment" "app_acr_pull" {
  scope                = var.registry_id
  role_definition_name = "AcrPull"
  principal_id         = azurerm_user_assigned_identity.app.principal_id
  principal_type       = "ServicePrincipal"
}

# Per topic (one per message type): topic scope covers its subscriptions, dead-letter sub-queues included.
# Sender: the admin flow republishes replayed and manually submitted events.
resource "azurerm_role_assignment" "app_servicebus_receiver" {
  for_each = var.servicebus_topic_ids

  scope                = each.value
  role_definition_name = "Azure Service Bus Data Receiver"
  principal_id         = azurerm_user_assigned_identity.app.principal_id
  principal_type       = "ServicePrincipal"
}

resource "azurerm_role_assignment" "app_servicebus_sender" {
  for_each = var.servicebus_topic_ids

  scope                = each.value
  role_definition_name = "Azure Service Bus Data Sender"
  principal_id         = azurerm_user_assigned_identity.app.principal_id
  principal_type       = "ServicePrincipal"
}

resource "azurerm_role_assignment" "scaler_servicebus_owner" {
  for_each = var.servicebus_topic_ids

  scope                = each.value
  role_definition_name = "Azure Service Bus Data Owner"
  principal_id         = azurerm_user_assigned_identity.scaler.principal_id
  principal_type       = "ServicePrincipal"
}
