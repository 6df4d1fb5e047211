-- The number read off a number-bearing image at upload (domain/number-reads.ts): sealed, bound to its document.
CREATE TYPE "NumberReadOutcome" AS ENUM ('FOUND', 'NONE');

ALTER TABLE "documents" ADD COLUMN     "number_read" BYTEA,
ADD COLUMN     "number_read_outcome" "NumberReadOutcome";
