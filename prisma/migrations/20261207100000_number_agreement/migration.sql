-- How a recorded number was obtained, and whether a company accepts a confirmed agreement (ADR 043).
CREATE TYPE "NumberRecordMethod" AS ENUM ('DOUBLE_ENTRY', 'AGREEMENT');

ALTER TABLE "company_settings" ADD COLUMN     "accept_number_agreement" BOOLEAN NOT NULL DEFAULT false;

ALTER TABLE "persons" ADD COLUMN     "my_number_method" "NumberRecordMethod";

-- Every number recorded so far was typed twice.
UPDATE "persons" SET "my_number_method" = 'DOUBLE_ENTRY' WHERE "my_number" IS NOT NULL;
