/**
 * Source partitions and offsets (one per grant and object stream), readable and alterable through the Connect REST
 * API, so a restart resumes where it stopped. Depends on common's config helpers alone.
 */
package io.nylassf.connect.source.nylas.offset;
