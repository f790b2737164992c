CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`prefix` text NOT NULL,
	`key_hash` text NOT NULL,
	`scopes` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`actor_type` text NOT NULL,
	`actor_id` text NOT NULL,
	`action` text NOT NULL,
	`target_type` text NOT NULL,
	`target_id` text NOT NULL,
	`before_id` text,
	`after_id` text,
	`details` text NOT NULL,
	`created_at` integer NOT NULL,
	`seq` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_seq` ON `audit_log` (`seq`);--> statement-breakpoint
CREATE TABLE `conversations` (
	`id` text PRIMARY KEY NOT NULL,
	`flow_id` text NOT NULL,
	`environment` text NOT NULL,
	`version_id` text NOT NULL,
	`channel` text NOT NULL,
	`address` text NOT NULL,
	`locale` text NOT NULL,
	`status` text NOT NULL,
	`snapshot` text NOT NULL,
	`node` text,
	`resolution` text,
	`turns` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `conversations_address` ON `conversations` (`channel`,`address`,`flow_id`,`status`);--> statement-breakpoint
CREATE INDEX `conversations_version_node` ON `conversations` (`version_id`,`status`,`node`);--> statement-breakpoint
CREATE TABLE `deployment_history` (
	`id` text PRIMARY KEY NOT NULL,
	`flow_id` text NOT NULL,
	`environment` text NOT NULL,
	`action` text NOT NULL,
	`from_version_id` text,
	`to_version_id` text NOT NULL,
	`split_version_id` text,
	`split_percent` integer NOT NULL,
	`actor_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`seq` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `deployment_history_env` ON `deployment_history` (`flow_id`,`environment`,`seq`);--> statement-breakpoint
CREATE TABLE `deployments` (
	`flow_id` text NOT NULL,
	`environment` text NOT NULL,
	`version_id` text NOT NULL,
	`split_version_id` text,
	`split_percent` integer NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`flow_id`, `environment`),
	FOREIGN KEY (`flow_id`) REFERENCES `flows`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`) REFERENCES `flow_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`split_version_id`) REFERENCES `flow_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `events` (
	`id` text PRIMARY KEY NOT NULL,
	`conversation_id` text NOT NULL,
	`flow_id` text NOT NULL,
	`version_id` text NOT NULL,
	`type` text NOT NULL,
	`node_id` text,
	`data` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `events_flow_type` ON `events` (`flow_id`,`type`,`created_at`);--> statement-breakpoint
CREATE TABLE `flow_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`flow_id` text NOT NULL,
	`number` integer NOT NULL,
	`flow` text NOT NULL,
	`machine` text NOT NULL,
	`checksum` text NOT NULL,
	`notes` text NOT NULL,
	`warnings` text NOT NULL,
	`artifacts` text NOT NULL,
	`author_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`flow_id`) REFERENCES `flows`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `flow_versions_number` ON `flow_versions` (`flow_id`,`number`);--> statement-breakpoint
CREATE TABLE `flows` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`draft` text NOT NULL,
	`revision` integer NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`deleted_at` integer
);
--> statement-breakpoint
CREATE TABLE `jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`conversation_id` text NOT NULL,
	`run_at` integer NOT NULL,
	`locked_until` integer,
	`attempts` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `jobs_due` ON `jobs` (`run_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `jobs_conversation_kind` ON `jobs` (`conversation_id`,`kind`);--> statement-breakpoint
CREATE TABLE `messages` (
	`id` text PRIMARY KEY NOT NULL,
	`conversation_id` text NOT NULL,
	`turn` integer NOT NULL,
	`position` integer NOT NULL,
	`direction` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `messages_conversation` ON `messages` (`conversation_id`,`turn`,`position`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_user` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `turns` (
	`conversation_id` text NOT NULL,
	`message_id` text NOT NULL,
	`turn` integer NOT NULL,
	`reply` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`conversation_id`, `message_id`)
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`disabled_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);