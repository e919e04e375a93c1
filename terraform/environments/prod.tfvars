# terraform plan -var-file=environments/prod.tfvars [-var image_tag=<git sha>]
environment = "prod"
location    = "westeurope"

# Leave empty. The first image is deployed once with `-var image_tag=<sha>`; from then on the app is
# kept, CI rolls out images and Terraform ignores the tag (docs/deploying-to-azure.md).
image_tag = ""

# Production reads the order system's Orders/Customers/Venues tables from the same database (DESIGN.md):
# they must exist before the first start. No stand-ins, no demo data.
flyway_locations = ""

min_replicas        = 1
max_replicas        = 10
scale_message_count = 20

max_delivery_count = 5
lock_duration      = "PT1M"
events_concurrency = 10

sql_sku_name    = "S1"
sql_max_size_gb = 50
# sql_entra_admin = { login_username = "sms-sql-admins", object_id = "<group object id>" }

acr_sku                              = "Standard"
log_retention_days                   = 90
key_vault_purge_protection_enabled   = true
key_vault_soft_delete_retention_days = 90

# Object id of the GitHub Actions service principal for production, and the dev registry it promotes
# images from (terraform output container_registry_id in dev).
ci_principal_object_id   = ""
image_source_registry_id = ""

alert_email_receivers = []
