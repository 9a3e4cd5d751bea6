# An encrypted EFS file system for the TrackStack data dir(s): a mount target per subnet, a security group that only
# the given task security groups reach (NFS, 2049), and an access point per entry of access_points, each rooted in
# its own folder and owned by the container's non-root user, so a task sees its folder and nothing else.

resource "aws_efs_file_system" "this" {
  creation_token   = var.name
  encrypted        = true
  performance_mode = "generalPurpose"
  throughput_mode  = "elastic"

  lifecycle_policy {
    transition_to_ia = var.transition_to_ia
  }

  tags = { Name = var.name }
}

resource "aws_efs_backup_policy" "this" {
  file_system_id = aws_efs_file_system.this.id

  backup_policy {
    status = var.aws_backup ? "ENABLED" : "DISABLED"
  }
}

resource "aws_security_group" "efs" {
  name_prefix = "${var.name}-efs-"
  description = "NFS from the TrackStack tasks only"
  vpc_id      = var.vpc_id

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "nfs" {
  for_each = var.client_security_groups

  security_group_id            = aws_security_group.efs.id
  referenced_security_group_id = each.value
  ip_protocol                  = "tcp"
  from_port                    = 2049
  to_port                      = 2049
  description                  = "NFS from a TrackStack task"
}

resource "aws_efs_mount_target" "this" {
  count = length(var.subnet_ids)

  file_system_id  = aws_efs_file_system.this.id
  subnet_id       = var.subnet_ids[count.index]
  security_groups = [aws_security_group.efs.id]
}

resource "aws_efs_access_point" "this" {
  for_each = var.access_points

  file_system_id = aws_efs_file_system.this.id

  posix_user {
    uid = var.uid
    gid = var.gid
  }

  root_directory {
    path = each.value
    creation_info {
      owner_uid   = var.uid
      owner_gid   = var.gid
      permissions = "0750"
    }
  }

  tags = { Name = "${var.name}-${each.key}" }
}

# Only TLS connections through an access point: a client that mounts the root, or without encryption, is refused.
data "aws_iam_policy_document" "efs" {
  statement {
    sid     = "DenyUnencrypted"
    effect  = "Deny"
    actions = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    resources = [aws_efs_file_system.this.arn]
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }

  statement {
    sid     = "AccessPointsOnly"
    actions = ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    resources = [aws_efs_file_system.this.arn]
    condition {
      test     = "Bool"
      variable = "elasticfilesystem:AccessedViaMountTarget"
      values   = ["true"]
    }
    condition {
      test     = "StringEquals"
      variable = "elasticfilesystem:AccessPointArn"
      values   = [for ap in aws_efs_access_point.this : ap.arn]
    }
  }
}

resource "aws_efs_file_system_policy" "this" {
  file_system_id = aws_efs_file_system.this.id
  policy         = data.aws_iam_policy_document.efs.json
}
