-- A 差し戻し tells the employee by e-mail where there is an address (issue 19): one more kind of
-- e-mail batch, sent by the worker like a reminder (no credentials).
ALTER TYPE "EmailKind" ADD VALUE 'RETURN_NOTICE';
