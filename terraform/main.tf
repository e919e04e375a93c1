data "azurerm_client_config" "current" {}

locals {
  name_prefix = "${var.project}-${var.environment}"
  # Stable 6-character suffix for names that must be globally unique (Key Vault, registry, Service Bus,
  # SQL server): derived from the subscription, so re-applies and new clones produce the same names.
  suffix = substr(sha1("${data.azurerm_client_config.current.subscription_id}/${local.name_prefix}"), 0, 6)

  tags = merge({
    project     = "sms-notification-service"
    environment = var.environment
    managed-by  = "terraform"
  }, var.tags)

  # Application Insights cloud_RoleName of the service; the alert queries filter on it.
  role_name = "sms-notification-service"

  # Key Vault secrets the operators fill in (docs/deploying-to-azure.md); Terraform only creates them
  # with a placeholder so the Container App's Key Vault references resolve from the first deployment.
  operator_secret_names = ["twilio-account-sid", "twilio-auth-token", "plivo-auth-id", "plivo-auth-token", "dd-api-key"]

  # Environment variable -> Key Vault secret (same names as the Spring `azure` profile reads).
  secret_env = {
    SMS_DB_PASSWORD    = "sql-admin-password"
    TWILIO_ACCOUNT_SID = "twilio-account-sid"
    TWILIO_AUTH_TOKEN  = "twilio-auth-token"
    PLIVO_AUTH_ID      = "plivo-auth-id"
    PLIVO_AUTH_TOKEN   = "plivo-auth-token"
    SMS_READER_KEY     = "sms-reader-key"
    SMS_ADMIN_KEY      = "sms-admin-key"
    DD_API_KEY         = "dd-api-key"
  }

  # one topic per message type the service consumes, each with the service's subscription
  topic_names = [var.servicebus_topic_name, var.servicebus_reminder_topic_name]

  container_app_name = "ca-${local.name_prefix}"

  # The app is created once an image tag is given, and kept afterwards even when image_tag is empty
  # again: from then on CI owns the image and Terraform ignores it (the tag below is then unused).
  app_exists = length([
    for r in data.azurerm_resources.existing_app.resources : r
    if lower(r.resource_group_name) == lower("rg-${local.name_prefix}")
  ]) > 0
  deploy_app = var.image_tag != "" || local.app_exists
  image_tag  = var.image_tag != "" ? var.image_tag : "deployed-by-ci"
}

data "azurerm_resources" "existing_app" {
  type = "Microsoft.App/containerApps"
  name = local.container_app_name
}

resource "azurerm_resource_group" "this" {
  name     = "rg-${local.name_prefix}"
  location = var.location
  tags     = local.tags
}

# ---------------------------------------------------------------------------------------------------
# Generated secrets: kept in Key Vault (and, being Terraform-generated, in the remote state).
# ---------------------------------------------------------------------------------------------------

resource "random_password" "sql_admin" {
  length           = 32
  min_upper        = 2
  min_lower        = 2
  min_numeric      = 2
  min_special      = 2
  override_special = "-_!%*+="
}

# API keys for /api (reader) and /admin (admin): letters and digits only, safe in any header.
resource "random_password" "reader_key" {
  length  = 40
  special = false
}

resource "random_password" "admin_key" {
  length  = 40
  special = false
}

# ---------------------------------------------------------------------------------------------------
# Modules
# ---------------------------------------------------------------------------------------------------

module "monitoring" {
  source = "./modules/monitoring"

  name_prefix         = local.name_prefix
  location            = var.location
  resource_group_name = azurerm_resource_group.this.name
  retention_days      = var.log_retention_days
  tags                = local.tags
}

module "keyvault" {
  source = "./modules/keyvault"

  name                       = "kv-${local.name_prefix}-${local.suffix}"
  location                   = var.location
  resource_group_name        = azurerm_resource_group.this.name
  tenant_id                  = data.azurerm_client_config.current.tenant_id
  deployer_object_id         = data.azurerm_client_config.current.object_id
  purge_protection_enabled   = var.key_vault_purge_protection_enabled
  soft_delete_retention_days = var.key_vault_soft_delete_retention_days
  generated_secrets = {
    "sql-admin-password" = random_password.sql_admin.result
    "sms-reader-key"     = random_password.reader_key.result
    "sms-admin-key"      = random_password.admin_key.result
  }
  operator_secret_names = local.operator_secret_names
  tags                  = local.tags
}

module "registry" {
  source = "./modules/registry"

  name                = "acr${var.project}${var.environment}${local.suffix}"
  location            = var.location
  resource_group_name = azurerm_resource_group.this.name
  sku                 = var.acr_sku
  tags                = local.tags
}

module "servicebus" {
  source = "./modules/servicebus"

  name                = "sb-${local.name_prefix}-${local.suffix}"
  location            = var.location
  resource_group_name = azurerm_resource_group.this.name
  sku                 = var.servicebus_sku
  topic_names         = local.topic_names
  subscription_name   = var.servicebus_subscription_name
  max_delivery_count  = var.max_delivery_count
  lock_duration       = var.lock_duration
  tags                = local.tags
}

module "sql" {
  source = "./modules/sql"

  server_name            = "sql-${local.name_prefix}-${local.suffix}"
  database_name          = var.sql_database_name
  location               = var.location
  resource_group_name    = azurerm_resource_group.this.name
  administrator_login    = var.sql_admin_login
  administrator_password = random_password.sql_admin.result
  entra_admin            = var.sql_entra_admin
  tenant_id              = data.azurerm_client_config.current.tenant_id
  sku_name               = var.sql_sku_name
  max_size_gb            = var.sql_max_size_gb
  allow_azure_services   = var.sql_allow_azure_services
  tags                   = local.tags
}

module "identity" {
  source = "./modules/identity"

  name_prefix          = local.name_prefix
  location             = var.location
  resource_group_name  = azurerm_resource_group.this.name
  key_vault_id         = module.keyvault.id
  registry_id          = module.registry.id
  servicebus_topic_ids = module.servicebus.topic_ids
  tags                 = local.tags
}

module "container_app" {
  source = "./modules/container_app"

  environment_name           = "cae-${local.name_prefix}"
  app_name                   = local.container_app_name
  location                   = var.location
  resource_group_name        = azurerm_resource_group.this.name
  log_analytics_workspace_id = module.monitoring.log_analytics_workspace_id

  # no app until an image tag is given (first apply, before the first image is pushed)
  deploy_app            = local.deploy_app
  image                 = "${module.registry.login_server}/${var.image_repository}:${local.image_tag}"
  registry_login_server = module.registry.login_server
  cpu                   = var.container_cpu
  memory                = var.container_memory
  min_replicas          = var.min_replicas
  max_replicas          = var.max_replicas

  app_identity_id        = module.identity.app_identity_id
  app_identity_client_id = module.identity.app_identity_client_id
  scaler_identity_id     = module.identity.scaler_identity_id

  public_base_url = var.public_base_url
  plain_env = {
    SPRING_PROFILES_ACTIVE = "azure"
    PORT                   = "8080"
    SMS_DB_URL             = module.sql.jdbc_url
    SMS_DB_USERNAME        = var.sql_admin_login
    # fully qualified namespace: the consumer authenticates with the managed identity, no connection string
    SMS_SERVICEBUS_NAMESPACE      = module.servicebus.fully_qualified_namespace
    SMS_SERVICEBUS_TOPIC          = var.servicebus_topic_name
    SMS_SERVICEBUS_REMINDER_TOPIC = var.servicebus_reminder_topic_name
    SMS_SERVICEBUS_SUBSCRIPTION   = var.servicebus_subscription_name
    SMS_EVENTS_CONCURRENCY        = tostring(var.events_concurrency)
    # the consumer dead-letters on the last delivery itself, so it must agree with the subscription
    # the built-in provider simulators are a local convenience; never exposed in Azure
    SMS_SIMULATORS_ENABLED        = "false"
    DD_METRICS_ENABLED            = tostring(var.datadog_metrics_enabled)
    APPLICATIONINSIGHTS_ROLE_NAME = local.role_name
  }
  optional_env = {
    TWILIO_BASE_URL      = var.twilio_base_url
    PLIVO_BASE_URL       = var.plivo_base_url
    PLIVO_APP_ID         = var.plivo_app_id
    SMS_FLYWAY_LOCATIONS = var.flyway_locations
  }
  key_vault_secret_ids          = module.keyvault.secret_versionless_ids
  secret_env                    = local.secret_env
  appinsights_connection_string = module.monitoring.app_insights_connection_string

  servicebus_namespace_name    = module.servicebus.namespace_name
  servicebus_topic_names       = local.topic_names
  servicebus_subscription_name = var.servicebus_subscription_name
  scale_message_count          = var.scale_message_count

  tags = local.tags

  # the identity must be able to pull the image and read the secrets before the first revision starts
  depends_on = [module.identity]
}

module "alerts" {
  source = "./modules/alerts"

  name_prefix               = local.name_prefix
  location                  = var.location
  resource_group_name       = azurerm_resource_group.this.name
  app_insights_id           = module.monitoring.app_insights_id
  role_name                 = local.role_name
  servicebus_namespace_id   = module.servicebus.namespace_id
  servicebus_topic_names    = local.topic_names
  email_receivers           = var.alert_email_receivers
  failure_rate_percent      = var.alert_failure_rate_percent
  failure_rate_min_attempts = var.alert_failure_rate_min_attempts
  provider_latency_ms       = var.alert_provider_latency_ms
  tags                      = local.tags
}

# ---------------------------------------------------------------------------------------------------
# CI principal (GitHub Actions via OIDC): push/import images, roll out new revisions.
# ---------------------------------------------------------------------------------------------------

resource "azurerm_role_assignment" "ci_acr_push" {
  count                = var.ci_principal_object_id != "" ? 1 : 0
  scope                = module.registry.id
  role_definition_name = "AcrPush"
  principal_id         = var.ci_principal_object_id
}

# `az acr import` into this registry (production promotes the image built for dev)
resource "azurerm_role_assignment" "ci_acr_import" {
  count                = var.ci_principal_object_id != "" ? 1 : 0
  scope                = module.registry.id
  role_definition_name = "Container Registry Data Importer and Data Reader"
  principal_id         = var.ci_principal_object_id
}

resource "azurerm_role_assignment" "ci_acr_import_source" {
  count                = var.ci_principal_object_id != "" && var.image_source_registry_id != "" ? 1 : 0
  scope                = var.image_source_registry_id
  role_definition_name = "Container Registry Data Importer and Data Reader"
  principal_id         = var.ci_principal_object_id
}

# `az containerapp update --image` on this app only...
resource "azurerm_role_assignment" "ci_container_app" {
  count                = var.ci_principal_object_id != "" && local.deploy_app ? 1 : 0
  scope                = module.container_app.app_id
  role_definition_name = "Contributor"
  principal_id         = var.ci_principal_object_id
}

# ...which ARM checks against the environment too (managedEnvironments/join/action on update).
resource "azurerm_role_assignment" "ci_container_app_environment" {
  count                = var.ci_principal_object_id != "" ? 1 : 0
  scope                = module.container_app.environment_id
  role_definition_name = "Contributor"
  principal_id         = var.ci_principal_object_id
}
