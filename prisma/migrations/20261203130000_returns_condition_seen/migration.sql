-- Returns admin UI (issue 10): the condition the clerk sees at the counter, recorded with the return and
-- shown to the inspector (who grades it in `condition`). Optional: a channel-started return has none.

-- AlterTable
ALTER TABLE "return_lines" ADD COLUMN "condition_seen" "return_item_condition";
