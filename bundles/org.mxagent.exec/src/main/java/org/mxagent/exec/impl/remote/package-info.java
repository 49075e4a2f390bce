/** The exported {@code RemoteExec} service, over the requester sessions of the exec desk. */
package org.mxagent.exec.impl.remote;
