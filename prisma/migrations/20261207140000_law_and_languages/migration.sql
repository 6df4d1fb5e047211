-- Issue: the rules of 番号法 and foreign staff. 身元確認 by the employment relationship (ADR 048),
-- HR's purposes per language, the employee's language, the consent's language, and 退職日 as the
-- retention basis (ADR 049).
ALTER TABLE "campaigns" ADD COLUMN     "identity_by_employment" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "purpose_translations" JSONB NOT NULL DEFAULT '{}';

ALTER TABLE "consents" ADD COLUMN     "language" TEXT NOT NULL DEFAULT 'ja';

ALTER TABLE "persons" ADD COLUMN     "language" TEXT,
ADD COLUMN     "left_on" DATE;
