PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_messages` (
	`conversation_id` text NOT NULL,
	`turn` integer NOT NULL,
	`position` integer NOT NULL,
	`direction` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`conversation_id`, `turn`, `position`)
);
--> statement-breakpoint
INSERT INTO `__new_messages`("conversation_id", "turn", "position", "direction", "body", "created_at") SELECT "conversation_id", "turn", "position", "direction", "body", "created_at" FROM `messages`;--> statement-breakpoint
DROP TABLE `messages`;--> statement-breakpoint
ALTER TABLE `__new_messages` RENAME TO `messages`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE TABLE `__new_events` (
	`id` integer PRIMARY KEY NOT NULL,
	`conversation_id` text NOT NULL,
	`flow_id` text NOT NULL,
	`version_id` text NOT NULL,
	`type` text NOT NULL,
	`node_id` text,
	`data` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_events`("conversation_id", "flow_id", "version_id", "type", "node_id", "data", "created_at") SELECT "conversation_id", "flow_id", "version_id", "type", "node_id", "data", "created_at" FROM `events` ORDER BY "created_at", rowid;--> statement-breakpoint
DROP TABLE `events`;--> statement-breakpoint
ALTER TABLE `__new_events` RENAME TO `events`;--> statement-breakpoint
CREATE INDEX `events_flow_type` ON `events` (`flow_id`,`type`,`created_at`);