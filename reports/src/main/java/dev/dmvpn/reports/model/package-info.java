/** Immutable snapshots of a run as the writers see it: run, entries, steps, attachments, counts. */
package dev.dmvpn.reports.model;
