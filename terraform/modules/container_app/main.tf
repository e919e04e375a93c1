terraform {
  required_providers {
    azurerm = {
      source = "hashicorp/azurerm"
    }
  }
}

resource "azurerm_container_app_environment" "this" {
  name                       = var.environment_name
  location                   = var.location
  resource_group_name        = var.resource_group_name
  logs_destination           = "log-analytics"
  log_analytics_workspace_id = var.log_analytics_workspace_id
  tags                       = var.tags
}

locals {
  # The app's own public URL: <app>.<environment default domain>, unless a custom domain is configured.
  default_public_base_url = "https://${var.app_name}.${azurerm_container_app_environment.this.default_domain}"
  public_base_url         = var.public_base_url != "" ? var.public_base_url : local.default_public_base_url

  # optional_env entries that are empty are left out, so the Spring defaults apply (an empty
  # TWILIO_BASE_URL means api.twilio.com). Only variables go there: their values are known at plan time.
  plain_env = merge(
    { for name, value in var.optional_env : name => value if value != "" },
    var.plain_env,
    {
      SMS_PUBLIC_BASE_URL = local.public_base_url
      # DefaultAzureCredential picks the user-assigned identity by this client id
      AZURE_CLIENT_ID = var.app_identity_client_id
    },
  )
}

resource "azurerm_container_app" "this" {
  count = var.deploy_app ? 1 : 0

  name                         = var.app_name
  container_app_environment_id = azurerm_container_app_environment.this.id
  resource_group_name          = var.resource_group_name
  revision_mode                = "Single"
  max_inactive_revisions       = 5
  tags                         = var.tags

  identity {
    type         = "UserAssigned"
    identity_ids = [var.app_identity_id, var.scaler_identity_id]
  }

  registry {
    server   = var.registry_login_server
    identity = var.app_identity_id
  }

  # Key Vault references resolved by the app's identity; versionless, so a rotated secret is picked up
  # on the next revision or restart without a Terraform change.
  dynamic "secret" {
    for_each = var.key_vault_secret_ids
    content {
      name                = secret.key
      key_vault_secret_id = secret.value
      identity            = var.app_identity_id
    }
  }

  secret {
    name  = "appinsights-connection-string"
    value = var.appinsights_connection_string
  }

  ingress {
    external_enabled = true
    # HTTPS only: provider webhooks and API keys never travel in clear text
    allow_insecure_connections = false
    target_port                = 8080
    transport                  = "auto"

    traffic_weight {
      latest_revision = true
      percentage      = 100
    }
  }

  template {
    min_replicas = var.min_replicas
    max_replicas = var.max_replicas
    # above the app's graceful shutdown (SMS_SHUTDOWN_TIMEOUT, 30 s) so in-flight sends and history writes finish
    termination_grace_period_seconds = 45

    container {
      name   = "sms-notification-service"
      image  = var.image
      cpu    = var.cpu
      memory = var.memory

      dynamic "env" {
        for_each = local.plain_env
        content {
          name  = env.key
          value = env.value
        }
      }

      dynamic "env" {
        for_each = var.secret_env
        content {
          name        = env.key
          secret_name = env.value
        }
      }

      env {
        name        = "APPLICATIONINSIGHTS_CONNECTION_STRING"
        secret_name = "appinsights-connection-string"
      }

      # JVM start + Flyway migrations: up to 2 minutes before liveness takes over
      startup_probe {
        transport               = "HTTP"
        port                    = 8080
        path                    = "/health/live"
        interval_seconds        = 3
        timeout                 = 3
        failure_count_threshold = 40
      }

      liveness_probe {
        transport               = "HTTP"
        port                    = 8080
        path                    = "/health/live"
        interval_seconds        = 10
        timeout                 = 3
        failure_count_threshold = 3
      }

      # 503 while the database, Service Bus consumer or routes are down: no webhook traffic until ready
      readiness_probe {
        transport               = "HTTP"
        port                    = 8080
        path                    = "/health/ready"
        interval_seconds        = 10
        timeout                 = 3
        failure_count_threshold = 3
        success_count_threshold = 1
      }
    }

    # KEDA scales out on each subscription's backlog (the highest wins); the scaler's own identity reads
    # the message counts.
    dynamic "custom_scale_rule" {
      for_each = toset(var.servicebus_topic_names)
      content {
        name             = "backlog-${lower(custom_scale_rule.value)}"
        custom_rule_type = "azure-servicebus"
        metadata = {
          namespace        = var.servicebus_namespace_name
          topicName        = custom_scale_rule.value
          subscriptionName = var.servicebus_subscription_name
          messageCount     = tostring(var.scale_message_count)
        }
        identity_id = var.scaler_identity_id
      }
    }
  }

  lifecycle {
    # CI rolls out new images (az containerapp update --image); Terraform must not roll them back.
    ignore_changes = [template[0].container[0].image]
  }
}
