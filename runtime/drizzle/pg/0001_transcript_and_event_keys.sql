DROP INDEX "messages_conversation";--> statement-breakpoint
ALTER TABLE "messages" DROP COLUMN "id";--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_conversation_id_turn_position_pk" PRIMARY KEY("conversation_id","turn","position");--> statement-breakpoint
ALTER TABLE "events" DROP COLUMN "id";--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1);
