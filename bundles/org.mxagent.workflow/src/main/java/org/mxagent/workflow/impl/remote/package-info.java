/** Remote dispatch: exec actions with {@code run_on} run on another agent over the signed exec path. */
package org.mxagent.workflow.impl.remote;
