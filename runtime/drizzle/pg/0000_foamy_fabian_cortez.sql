CREATE TABLE "api_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"scopes" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" bigint NOT NULL,
	"revoked_at" bigint
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" text PRIMARY KEY NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" text NOT NULL,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text NOT NULL,
	"before_id" text,
	"after_id" text,
	"details" jsonb NOT NULL,
	"created_at" bigint NOT NULL,
	"seq" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conversations" (
	"id" text PRIMARY KEY NOT NULL,
	"flow_id" text NOT NULL,
	"environment" text NOT NULL,
	"version_id" text NOT NULL,
	"channel" text NOT NULL,
	"address" text NOT NULL,
	"locale" text NOT NULL,
	"status" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"node" text,
	"resolution" text,
	"turns" integer NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	"expires_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deployment_history" (
	"id" text PRIMARY KEY NOT NULL,
	"flow_id" text NOT NULL,
	"environment" text NOT NULL,
	"action" text NOT NULL,
	"from_version_id" text,
	"to_version_id" text NOT NULL,
	"split_version_id" text,
	"split_percent" integer NOT NULL,
	"actor_id" text NOT NULL,
	"created_at" bigint NOT NULL,
	"seq" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deployments" (
	"flow_id" text NOT NULL,
	"environment" text NOT NULL,
	"version_id" text NOT NULL,
	"split_version_id" text,
	"split_percent" integer NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "deployments_flow_id_environment_pk" PRIMARY KEY("flow_id","environment")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" text PRIMARY KEY NOT NULL,
	"conversation_id" text NOT NULL,
	"flow_id" text NOT NULL,
	"version_id" text NOT NULL,
	"type" text NOT NULL,
	"node_id" text,
	"data" jsonb NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "flow_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"flow_id" text NOT NULL,
	"number" integer NOT NULL,
	"flow" jsonb NOT NULL,
	"machine" jsonb NOT NULL,
	"checksum" text NOT NULL,
	"notes" text NOT NULL,
	"warnings" jsonb NOT NULL,
	"artifacts" jsonb NOT NULL,
	"author_id" text NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "flows" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"draft" jsonb NOT NULL,
	"revision" integer NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" bigint NOT NULL,
	"created_at" bigint NOT NULL,
	"deleted_at" bigint
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"conversation_id" text NOT NULL,
	"run_at" bigint NOT NULL,
	"locked_until" bigint,
	"attempts" integer NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" text PRIMARY KEY NOT NULL,
	"conversation_id" text NOT NULL,
	"turn" integer NOT NULL,
	"position" integer NOT NULL,
	"direction" text NOT NULL,
	"body" jsonb NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"created_at" bigint NOT NULL,
	"expires_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "turns" (
	"conversation_id" text NOT NULL,
	"message_id" text NOT NULL,
	"turn" integer NOT NULL,
	"reply" jsonb NOT NULL,
	"created_at" bigint NOT NULL,
	CONSTRAINT "turns_conversation_id_message_id_pk" PRIMARY KEY("conversation_id","message_id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"password_hash" text NOT NULL,
	"created_at" bigint NOT NULL,
	"disabled_at" bigint,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_flow_id_flows_id_fk" FOREIGN KEY ("flow_id") REFERENCES "public"."flows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_version_id_flow_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."flow_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_split_version_id_flow_versions_id_fk" FOREIGN KEY ("split_version_id") REFERENCES "public"."flow_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flow_versions" ADD CONSTRAINT "flow_versions_flow_id_flows_id_fk" FOREIGN KEY ("flow_id") REFERENCES "public"."flows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_seq" ON "audit_log" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "conversations_address" ON "conversations" USING btree ("channel","address","flow_id","status");--> statement-breakpoint
CREATE INDEX "conversations_version_node" ON "conversations" USING btree ("version_id","status","node");--> statement-breakpoint
CREATE INDEX "deployment_history_env" ON "deployment_history" USING btree ("flow_id","environment","seq");--> statement-breakpoint
CREATE INDEX "events_flow_type" ON "events" USING btree ("flow_id","type","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "flow_versions_number" ON "flow_versions" USING btree ("flow_id","number");--> statement-breakpoint
CREATE INDEX "jobs_due" ON "jobs" USING btree ("run_at");--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_conversation_kind" ON "jobs" USING btree ("conversation_id","kind");--> statement-breakpoint
CREATE INDEX "messages_conversation" ON "messages" USING btree ("conversation_id","turn","position");--> statement-breakpoint
CREATE INDEX "sessions_user" ON "sessions" USING btree ("user_id");