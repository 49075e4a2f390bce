/**
 * The bridge to the approval service (bundle {@code org.mxagent.approval}), whose API is an optional import: these
 * components stay unsatisfied, and their classes unloaded, in a distribution without it (edge); the rest of the
 * bundle then denies every request that {@code requires_approval}.
 */
package org.mxagent.exec.impl.approval;
