/** The audit trail of changes made through the admin API: JSON lines in a file, and log lines. */
package io.streamgate.admin.audit;
