# ---------------------------------------------------------------------------------------------------
# Environment and naming
# ---------------------------------------------------------------------------------------------------

variable "environment" {
  description = "Environment name, used in resource names and tags."
  type        = string

  validation {
    condition     = contains(["dev", "prod"], var.environment)
    error_message = "environment must be dev or prod."
  }
}

variable "location" {
  description = "Azure region for every resource."
  type        = string
  default     = "westeurope"
}

variable "project" {
  description = "Short project name used in resource names (lowercase letters and digits: it also goes into the registry name)."
  type        = string
  default     = "sms"

  validation {
    condition     = can(regex("^[a-z0-9]{2,8}$", var.project))
    error_message = "project must be 2-8 lowercase letters or digits."
  }
}

variable "tags" {
  description = "Extra tags on every resource."
  type        = map(string)
  default     = {}
}

# ---------------------------------------------------------------------------------------------------
# Container App
# ---------------------------------------------------------------------------------------------------

variable "image_repository" {
  description = "Repository of the service's image in the registry."
  type        = string
  default     = "sms-notification-service"
}

variable "image_tag" {
  description = "Image tag the Container App is created with (a commit SHA). Empty on the first apply = everything but the app (no image exists yet). Once the app exists, CI rolls out images and Terraform ignores this value (empty is fine)."
  type        = string
  default     = ""
}

variable "container_cpu" {
  description = "vCPU per replica."
  type        = number
  default     = 0.5
}

variable "container_memory" {
  description = "Memory per replica (must pair with container_cpu on the Consumption plan: 0.5 vCPU / 1Gi)."
  type        = string
  default     = "1Gi"
}

variable "min_replicas" {
  description = "Minimum replicas. 1 keeps the Service Bus consumer and the webhook endpoints always on."
  type        = number
  default     = 1
}

variable "max_replicas" {
  description = "Maximum replicas the Service Bus scale rule may reach."
  type        = number
  default     = 5
}

variable "scale_message_count" {
  description = "KEDA azure-servicebus target: active messages on the subscription per replica."
  type        = number
  default     = 20
}

variable "public_base_url" {
  description = "Public HTTPS base URL providers call back on (SMS_PUBLIC_BASE_URL). Empty = https://<app>.<environment default domain>; set it when a custom domain fronts the app."
  type        = string
  default     = ""
}

variable "twilio_base_url" {
  description = "TWILIO_BASE_URL. Empty = api.twilio.com."
  type        = string
  default     = ""
}

variable "plivo_base_url" {
  description = "PLIVO_BASE_URL. Empty = api.plivo.com."
  type        = string
  default     = ""
}

variable "plivo_app_id" {
  description = "PLIVO_APP_ID: the Plivo application (message URL = <public base URL>/webhook/plivo) bought numbers are attached to. Empty = none."
  type        = string
  default     = ""
}

variable "flyway_locations" {
  description = "SMS_FLYWAY_LOCATIONS override. Empty = the azure profile's default (service tables only; the order system's Orders/Customers/Venues must already exist in the database). Dev adds classpath:db/local: stand-ins for those tables plus demo data."
  type        = string
  default     = ""
}

variable "datadog_metrics_enabled" {
  description = "DD_METRICS_ENABLED: also export metrics to Datadog (put the API key in Key Vault secret dd-api-key)."
  type        = bool
  default     = false
}

# ---------------------------------------------------------------------------------------------------
# Service Bus
# ---------------------------------------------------------------------------------------------------

variable "servicebus_sku" {
  description = "Service Bus namespace SKU (topics need Standard or Premium)."
  type        = string
  default     = "Standard"
}

variable "servicebus_topic_name" {
  description = "Topic the order system publishes SendOrderConfirmationSms events to."
  type        = string
  default     = "SendOrderConfirmationSms"
}

variable "servicebus_reminder_topic_name" {
  description = "Topic for SendEventReminderSms events (the service consumes it with the same subscription name)."
  type        = string
  default     = "SendEventReminderSms"
}

variable "servicebus_subscription_name" {
  description = "This service's subscription on each topic."
  type        = string
  default     = "sms-notification-service"
}

variable "max_delivery_count" {
  description = "Deliveries before Service Bus dead-letters a message. The app dead-letters failed events itself (with the reason) on their first failed delivery; this count covers instances that crash mid-event."
  type        = number
  default     = 5
}

variable "lock_duration" {
  description = "Peek-lock duration on the subscription (ISO 8601). The consumer renews locks while a message is in flight."
  type        = string
  default     = "PT1M"
}

variable "events_concurrency" {
  description = "SMS_EVENTS_CONCURRENCY: events processed in parallel per replica (Service Bus maxConcurrentCalls)."
  type        = number
  default     = 10
}

# ---------------------------------------------------------------------------------------------------
# Azure SQL
# ---------------------------------------------------------------------------------------------------

variable "sql_database_name" {
  description = "Database name."
  type        = string
  default     = "sms"
}

variable "sql_sku_name" {
  description = "Database SKU, e.g. S0 (dev), S1 or GP_S_Gen5_1 (prod)."
  type        = string
  default     = "S0"
}

variable "sql_max_size_gb" {
  description = "Database max size in GB."
  type        = number
  default     = 10
}

variable "sql_admin_login" {
  description = "SQL administrator login; the service connects with it (SMS_DB_USERNAME). Its password is generated and kept in Key Vault."
  type        = string
  default     = "smsadmin"
}

variable "sql_entra_admin" {
  description = "Optional Entra ID administrator of the SQL server (a group is best): { login_username, object_id }."
  type = object({
    login_username = string
    object_id      = string
  })
  default = null
}

variable "sql_allow_azure_services" {
  description = "Open the SQL firewall to Azure services. Needed for a Consumption Container Apps environment without a VNet (its outbound IPs are not fixed)."
  type        = bool
  default     = true
}

# ---------------------------------------------------------------------------------------------------
# Shared services
# ---------------------------------------------------------------------------------------------------

variable "acr_sku" {
  description = "Container registry SKU."
  type        = string
  default     = "Basic"
}

variable "log_retention_days" {
  description = "Log Analytics retention in days."
  type        = number
  default     = 30
}

variable "key_vault_purge_protection_enabled" {
  description = "Key Vault purge protection (cannot be turned off once on)."
  type        = bool
  default     = false
}

variable "key_vault_soft_delete_retention_days" {
  description = "Days a deleted Key Vault or secret stays recoverable (7-90)."
  type        = number
  default     = 7
}

# ---------------------------------------------------------------------------------------------------
# CI/CD
# ---------------------------------------------------------------------------------------------------

variable "ci_principal_object_id" {
  description = "Object id of the GitHub Actions service principal (OIDC) for this environment. Empty = no CI role assignments."
  type        = string
  default     = ""
}

variable "image_source_registry_id" {
  description = "Resource id of the registry CI promotes images from (prod: the dev registry). The CI principal gets pull rights on it for `az acr import`. Empty = none."
  type        = string
  default     = ""
}

# ---------------------------------------------------------------------------------------------------
# Alerts
# ---------------------------------------------------------------------------------------------------

variable "alert_email_receivers" {
  description = "E-mail addresses the alerts' action group notifies."
  type        = list(string)
  default     = []
}

variable "alert_failure_rate_percent" {
  description = "Alert when failed / (sent + failed) over the window exceeds this percentage."
  type        = number
  default     = 5
}

variable "alert_failure_rate_min_attempts" {
  description = "Ignore the failure rate below this many send attempts in the window (avoids alerting on 1 of 2)."
  type        = number
  default     = 20
}

variable "alert_provider_latency_ms" {
  description = "Alert when the average provider send duration over the window exceeds this many milliseconds."
  type        = number
  default     = 2000
}
