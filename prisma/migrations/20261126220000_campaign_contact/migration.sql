-- 問い合わせ先 shown to employees.
ALTER TABLE "campaigns" ADD COLUMN "contact" TEXT;
