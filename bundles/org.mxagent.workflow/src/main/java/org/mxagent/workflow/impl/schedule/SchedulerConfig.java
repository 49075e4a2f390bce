package org.mxagent.workflow.impl.schedule;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "mx-agent task scheduler", description = "One per hosted agent (factory)")
public @interface SchedulerConfig {
    String PID = "org.mxagent.workflow.scheduler";

    @AttributeDefinition(description = "the hosted agent whose tasks this scheduler claims and runs")
    String agent_id();

    @AttributeDefinition(description = "the room of that agent")
    String room_id();

    @AttributeDefinition(description = "seconds between safety passes (anything sync did not trigger)")
    int safety_pass_seconds() default 30;

    @AttributeDefinition(description = "concurrent tasks; 0 = the agent's published load.max_invocations")
    int max_invocations() default 0;
}
