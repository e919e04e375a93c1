variable "environment_name" {
  description = "Container Apps environment name."
  type        = string
}

variable "app_name" {
  description = "Container App name (also the first label of its FQDN)."
  type        = string
}

variable "location" {
  description = "Azure region."
  type        = string
}

variable "resource_group_name" {
  description = "Resource group to create the environment and app in."
  type        = string
}

variable "log_analytics_workspace_id" {
  description = "Workspace receiving the environment's console and system logs."
  type        = string
}

variable "deploy_app" {
  description = "Create the Container App. false = the environment only (no image pushed yet)."
  type        = bool
}

variable "image" {
  description = "Full image reference, used when deploy_app is true."
  type        = string
  default     = null
}

variable "registry_login_server" {
  description = "Registry the image is pulled from with the app's identity."
  type        = string
}

variable "cpu" {
  description = "vCPU per replica."
  type        = number
}

variable "memory" {
  description = "Memory per replica, e.g. 1Gi."
  type        = string
}

variable "min_replicas" {
  description = "Minimum replicas."
  type        = number
}

variable "max_replicas" {
  description = "Maximum replicas."
  type        = number
}

variable "app_identity_id" {
  description = "Resource id of the app's user-assigned identity (registry pull, Key Vault, Service Bus)."
  type        = string
}

variable "app_identity_client_id" {
  description = "Client id of the app's identity, passed as AZURE_CLIENT_ID."
  type        = string
}

variable "scaler_identity_id" {
  description = "Resource id of the identity the KEDA Service Bus scale rule uses."
  type        = string
}

variable "public_base_url" {
  description = "SMS_PUBLIC_BASE_URL override; empty = the app's own https URL."
  type        = string
  default     = ""
}

variable "plain_env" {
  description = "Non-secret environment variables."
  type        = map(string)
}

variable "optional_env" {
  description = "Non-secret environment variables left out when empty (values must be known at plan time)."
  type        = map(string)
  default     = {}
}

variable "key_vault_secret_ids" {
  description = "Container App secret name -> versionless Key Vault secret id."
  type        = map(string)
}

variable "secret_env" {
  description = "Environment variable -> Container App secret name."
  type        = map(string)
}

variable "appinsights_connection_string" {
  description = "Application Insights connection string (kept as a Container App secret)."
  type        = string
  sensitive   = true
}

variable "servicebus_namespace_name" {
  description = "Service Bus namespace name (not FQDN) for the scale rule."
  type        = string
}

variable "servicebus_topic_names" {
  description = "Topics with a scale rule on the service's subscription."
  type        = list(string)
}

variable "servicebus_subscription_name" {
  description = "The service's subscription name on each topic."
  type        = string
}

variable "scale_message_count" {
  description = "Target active messages per replica."
  type        = number
}

variable "tags" {
  description = "Tags for the environment and app."
  type        = map(string)
}
