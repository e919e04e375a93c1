# terraform plan -var-file=environments/dev.tfvars [-var image_tag=<git sha>]
environment = "dev"
location    = "westeurope"

# Leave empty. The first image is deployed once with `-var image_tag=<sha>`; from then on the app is
# kept, CI rolls out images and Terraform ignores the tag (docs/deploying-to-azure.md).
image_tag = ""

# Dev has no order system database: run the stand-in Orders/Customers/Venues tables and demo data too.
flyway_locations = "classpath:db/migration,classpath:db/vendor/{vendor},classpath:db/local"

min_replicas        = 1
max_replicas        = 3
scale_message_count = 20

max_delivery_count = 5
lock_duration      = "PT1M"
events_concurrency = 10

sql_sku_name    = "S0"
sql_max_size_gb = 10

acr_sku                              = "Basic"
log_retention_days                   = 30
key_vault_purge_protection_enabled   = false
key_vault_soft_delete_retention_days = 7

# Object id of the GitHub Actions service principal for dev (docs/deploying-to-azure.md, step 6).
ci_principal_object_id = ""

alert_email_receivers = []
