variable "name_prefix" {
  description = "Prefix for alert names, e.g. sms-dev."
  type        = string
}

variable "location" {
  description = "Azure region of the log alert rules."
  type        = string
}

variable "resource_group_name" {
  description = "Resource group for the action group and alert rules."
  type        = string
}

variable "app_insights_id" {
  description = "Application Insights component the log alerts query."
  type        = string
}

variable "role_name" {
  description = "cloud_RoleName of the service in Application Insights (APPLICATIONINSIGHTS_ROLE_NAME)."
  type        = string
}

variable "servicebus_namespace_id" {
  description = "Service Bus namespace whose DeadletteredMessages metric is watched."
  type        = string
}

variable "servicebus_topic_names" {
  description = "Topics the dead-letter alert watches (EntityName dimension)."
  type        = list(string)
}

variable "email_receivers" {
  description = "E-mail addresses to notify."
  type        = list(string)
}

variable "failure_rate_percent" {
  description = "Failure-rate threshold in percent."
  type        = number
}

variable "failure_rate_min_attempts" {
  description = "Minimum send attempts in the window before the failure rate counts."
  type        = number
}

variable "provider_latency_ms" {
  description = "Average provider send duration threshold in milliseconds."
  type        = number
}

variable "tags" {
  description = "Tags for the alert resources."
  type        = map(string)
}
