variable "name" {
  description = "Namespace name (globally unique)."
  type        = string
}

variable "location" {
  description = "Azure region."
  type        = string
}

variable "resource_group_name" {
  description = "Resource group to create the namespace in."
  type        = string
}

variable "sku" {
  description = "Standard or Premium (Basic has no topics)."
  type        = string
}

variable "topic_names" {
  description = "Topics to create, one per message type."
  type        = list(string)
}

variable "subscription_name" {
  description = "The service's subscription name on every topic."
  type        = string
}

variable "max_delivery_count" {
  description = "Deliveries before dead-lettering."
  type        = number
}

variable "lock_duration" {
  description = "Peek-lock duration (ISO 8601)."
  type        = string
}

variable "tags" {
  description = "Tags for the namespace."
  type        = map(string)
}
