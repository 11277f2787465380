-- Test only (ExternalDatabaseSelectionIT): a migration slower than the socket timeout that test sets
SELECT pg_sleep(3);
