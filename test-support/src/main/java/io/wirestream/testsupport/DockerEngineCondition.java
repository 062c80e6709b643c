package io.wirestream.testsupport;

import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Enables a {@link ContainerSuite} only where a Docker engine answers; decided once per class. */
final class DockerEngineCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isPresent()) {
            return ConditionEvaluationResult.enabled("decided for the class");
        }
        Optional<ContainerSuite> suite = context.getTestClass()
                .flatMap(c -> AnnotationSupport.findAnnotation(c, ContainerSuite.class));
        if (suite.isEmpty() || ContainerInfrastructure.dockerAvailable()) {
            return ConditionEvaluationResult.enabled("Docker engine available");
        }
        String line = context.getRequiredTestClass().getSimpleName() + ": no Docker engine here, container suite skipped ("
                + suite.get().embeddedTwin() + " runs the same tests)";
        System.out.println(line);
        return ConditionEvaluationResult.disabled(line);
    }
}
