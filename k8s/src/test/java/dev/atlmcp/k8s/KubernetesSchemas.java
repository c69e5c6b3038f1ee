package dev.atlmcp.k8s;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.JsonParser;

/**
 * Validates an object against the Kubernetes API schema of its kind: the official Java client's models, generated from
 * the Kubernetes OpenAPI document, reject unknown fields, missing required fields and values of the wrong type.
 */
final class KubernetesSchemas {

    private KubernetesSchemas() {
    }

    /** Throws an {@link AssertionError} naming the object and the problem. */
    static void validate(ObjectNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        String name = kind + " " + object.path("metadata").path("name").asText();
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        String model = "io.kubernetes.client.openapi.models." + Character.toUpperCase(version.charAt(0)) + version
                .substring(1) + kind;
        Method validate;
        try {
            validate = Class.forName(model).getMethod("validateJsonElement", com.google.gson.JsonElement.class);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            throw new AssertionError(name + ": no Kubernetes schema for " + apiVersion + " " + kind);
        }
        try {
            validate.invoke(null, JsonParser.parseString(object.toString()));
        } catch (InvocationTargetException e) {
            throw new AssertionError(name + " is not a valid " + apiVersion + " " + kind + ": " + e.getCause()
                    .getMessage());
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
