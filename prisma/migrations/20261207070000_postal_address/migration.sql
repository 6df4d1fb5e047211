-- Where HR imports them (issue 19): an employee's 郵便番号 and 住所, for the postal kit in a
-- window envelope. Erased at disposal like the e-mail address (personal-data.ts).
ALTER TABLE "persons" ADD COLUMN     "postal_address" TEXT,
ADD COLUMN     "postal_code" TEXT;
