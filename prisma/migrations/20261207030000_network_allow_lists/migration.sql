-- Console access from allowed networks only: the installation's list (settings) and each
-- company's (company_settings, the place for per-company settings). Empty: any address.
ALTER TABLE "settings" ADD COLUMN "allowed_networks" TEXT[] DEFAULT ARRAY[]::TEXT[];

CREATE TABLE "company_settings" (
    "company_id" UUID NOT NULL,
    "allowed_networks" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "company_settings_pkey" PRIMARY KEY ("company_id")
);

ALTER TABLE "company_settings" ADD CONSTRAINT "company_settings_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE;
