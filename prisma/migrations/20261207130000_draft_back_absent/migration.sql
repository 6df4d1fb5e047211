-- 「うら面はありません」 kept with the draft front it is about, so that a new sign-in on another
-- device resumes past the back instead of asking for it again.
ALTER TABLE "documents" ADD COLUMN "back_absent" BOOLEAN NOT NULL DEFAULT false;
