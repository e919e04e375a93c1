terraform {
  required_providers {
    azurerm = {
      source = "hashicorp/azurerm"
    }
  }
}

# Where the app's metrics come from: the Application Insights Java agent in the image (attached when
# APPLICATIONINSIGHTS_CONNECTION_STRING is set) publishes every Micrometer meter to customMetrics once a
# minute. Its registry is a step registry, so a counter row holds the increase during that minute, and
# timers are in milliseconds (valueSum = total time, valueCount = calls, valueMax = slowest). Meter
# names are snake_cased, e.g. sms.sent / sms.sent.total -> sms_sent / sms_sent_total (the same as the
# Prometheus names), sms.send.duration -> sms_send_duration. Both counter spellings are accepted.

locals {
  sent_metrics              = jsonencode(["sms_sent", "sms_sent_total"])
  failed_metrics            = jsonencode(["sms_failed", "sms_failed_total"])
  signature_failure_metrics = jsonencode(["sms_webhook_signature_failures", "sms_webhook_signature_failures_total"])
  send_duration_metrics     = jsonencode(["sms_send_duration"])
}

resource "azurerm_monitor_action_group" "this" {
  name                = "ag-${var.name_prefix}"
  resource_group_name = var.resource_group_name
  short_name          = substr(replace(var.name_prefix, "-", ""), 0, 12)
  tags                = var.tags

  dynamic "email_receiver" {
    for_each = { for index, address in var.email_receivers : tostring(index) => address }
    content {
      name                    = "email-${email_receiver.key}"
      email_address           = email_receiver.value
      use_common_alert_schema = true
    }
  }
}

# Send failure rate: failed / (sent + failed) over 15 minutes, only once there are enough attempts.
resource "azurerm_monitor_scheduled_query_rules_alert_v2" "send_failure_rate" {
  name                 = "alert-${var.name_prefix}-send-failure-rate"
  display_name         = "SMS send failure rate above ${var.failure_rate_percent}%"
  description          = "sms failed / (sent + failed) > ${var.failure_rate_percent}% over 15 minutes (at least ${var.failure_rate_min_attempts} attempts). Check provider status, credentials and the failed rows in SmsSendHistory."
  resource_group_name  = var.resource_group_name
  location             = var.location
  scopes               = [var.app_insights_id]
  severity             = 2
  evaluation_frequency = "PT5M"
  window_duration      = "PT15M"
  # the metric rows only exist once the app has sent something
  skip_query_validation   = true
  auto_mitigation_enabled = true
  tags                    = var.tags

  criteria {
    query                   = <<-KQL
      customMetrics
      | where cloud_RoleName == "${var.role_name}"
      | where name in (dynamic(${local.sent_metrics})) or name in (dynamic(${local.failed_metrics}))
      | summarize sent = sumif(valueSum, name in (dynamic(${local.sent_metrics}))),
                  failed = sumif(valueSum, name in (dynamic(${local.failed_metrics})))
      | extend attempts = sent + failed
      | where attempts >= ${var.failure_rate_min_attempts}
      | extend failure_rate_percent = round(100.0 * failed / attempts, 2)
      KQL
    time_aggregation_method = "Maximum"
    metric_measure_column   = "failure_rate_percent"
    operator                = "GreaterThan"
    threshold               = var.failure_rate_percent

    failing_periods {
      minimum_failing_periods_to_trigger_alert = 1
      number_of_evaluation_periods             = 1
    }
  }

  action {
    action_groups = [azurerm_monitor_action_group.this.id]
  }
}

# Webhook signature failures: any request to /webhook/* whose provider signature did not verify
# (a misconfigured SMS_PUBLIC_BASE_URL or auth token, or someone forging callbacks).
resource "azurerm_monitor_scheduled_query_rules_alert_v2" "webhook_signature_failures" {
  name                    = "alert-${var.name_prefix}-webhook-signature-failures"
  display_name            = "SMS webhook signature failures"
  description             = "sms.webhook.signature_failures > 0 in 15 minutes. Check SMS_PUBLIC_BASE_URL against the URL configured at the provider, and the provider auth tokens in Key Vault."
  resource_group_name     = var.resource_group_name
  location                = var.location
  scopes                  = [var.app_insights_id]
  severity                = 2
  evaluation_frequency    = "PT5M"
  window_duration         = "PT15M"
  skip_query_validation   = true
  auto_mitigation_enabled = true
  tags                    = var.tags

  criteria {
    query                   = <<-KQL
      customMetrics
      | where cloud_RoleName == "${var.role_name}"
      | where name in (dynamic(${local.signature_failure_metrics}))
      | summarize failures = sum(valueSum)
      KQL
    time_aggregation_method = "Total"
    metric_measure_column   = "failures"
    operator                = "GreaterThan"
    threshold               = 0

    failing_periods {
      minimum_failing_periods_to_trigger_alert = 1
      number_of_evaluation_periods             = 1
    }
  }

  action {
    action_groups = [azurerm_monitor_action_group.this.id]
  }
}

# Provider latency: average sms.send.duration per provider over 15 minutes, in milliseconds.
resource "azurerm_monitor_scheduled_query_rules_alert_v2" "provider_latency" {
  name                    = "alert-${var.name_prefix}-provider-latency"
  display_name            = "SMS provider latency above ${var.provider_latency_ms} ms"
  description             = "Average sms.send.duration > ${var.provider_latency_ms} ms over 15 minutes, per provider. The circuit breaker may open next; check the provider's status page."
  resource_group_name     = var.resource_group_name
  location                = var.location
  scopes                  = [var.app_insights_id]
  severity                = 3
  evaluation_frequency    = "PT5M"
  window_duration         = "PT15M"
  skip_query_validation   = true
  auto_mitigation_enabled = true
  tags                    = var.tags

  criteria {
    query                   = <<-KQL
      customMetrics
      | where cloud_RoleName == "${var.role_name}"
      | where name in (dynamic(${local.send_duration_metrics}))
      | extend provider = tostring(customDimensions["provider"])
      | summarize total_ms = sum(valueSum), calls = sum(valueCount) by provider
      | where calls > 0
      | extend avg_ms = total_ms / calls
      KQL
    time_aggregation_method = "Maximum"
    metric_measure_column   = "avg_ms"
    operator                = "GreaterThan"
    threshold               = var.provider_latency_ms

    dimension {
      name     = "provider"
      operator = "Include"
      values   = ["*"]
    }

    failing_periods {
      minimum_failing_periods_to_trigger_alert = 1
      number_of_evaluation_periods             = 1
    }
  }

  action {
    action_groups = [azurerm_monitor_action_group.this.id]
  }
}

# Dead letters: Service Bus's own metric, per entity (topic). Any message in the dead-letter queue of
# the service's subscriptions means an event that will not be processed until an operator replays it
# (the admin dead-letter flow). One alert per topic in the dimension, so the notification names it.
resource "azurerm_monitor_metric_alert" "dead_letters" {
  name                = "alert-${var.name_prefix}-dead-letters"
  description         = "Dead-lettered messages on ${join(", ", var.servicebus_topic_names)} > 0. Inspect them with the admin dead-letter endpoints, fix the cause, replay."
  resource_group_name = var.resource_group_name
  scopes              = [var.servicebus_namespace_id]
  severity            = 2
  frequency           = "PT1M"
  window_size         = "PT5M"
  auto_mitigate       = true
  tags                = var.tags

  criteria {
    metric_namespace = "Microsoft.ServiceBus/namespaces"
    metric_name      = "DeadletteredMessages"
    aggregation      = "Maximum"
    operator         = "GreaterThan"
    threshold        = 0

    dimension {
      name     = "EntityName"
      operator = "Include"
      values   = var.servicebus_topic_names
    }
  }

  action {
    action_group_id = azurerm_monitor_action_group.this.id
  }
}
