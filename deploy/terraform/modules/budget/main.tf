# A monthly cost budget with e-mail alerts: when the forecast passes the limit, and when the actual spend passes
# 80% and 100% of it. The first two budgets of an account cost nothing.

resource "aws_budgets_budget" "this" {
  name         = var.name
  budget_type  = "COST"
  limit_amount = format("%.2f", var.limit_usd)
  limit_unit   = "USD"
  time_unit    = "MONTHLY"

  # The tag every resource of the deployment carries (provider default_tags), so the budget counts only this
  # deployment. Cost allocation tags must be activated once in the Billing console for the filter to see them.
  dynamic "cost_filter" {
    for_each = var.filter_by_tag ? [1] : []
    content {
      name   = "TagKeyValue"
      values = [format("user:project$%s", var.project)]
    }
  }

  notification {
    comparison_operator        = "GREATER_THAN"
    threshold                  = 100
    threshold_type             = "PERCENTAGE"
    notification_type          = "FORECASTED"
    subscriber_email_addresses = var.emails
  }

  notification {
    comparison_operator        = "GREATER_THAN"
    threshold                  = 80
    threshold_type             = "PERCENTAGE"
    notification_type          = "ACTUAL"
    subscriber_email_addresses = var.emails
  }

  notification {
    comparison_operator        = "GREATER_THAN"
    threshold                  = 100
    threshold_type             = "PERCENTAGE"
    notification_type          = "ACTUAL"
    subscriber_email_addresses = var.emails
  }
}
