package dev.atlmcp.sandbox.compass;

import java.util.Map;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.TypeResolutionEnvironment;

/** Scalars that travel as strings or numbers, and union/interface resolution by a {@code __typename} key. */
final class GraphScalars {

    private GraphScalars() {
    }

    static GraphQLScalarType passThrough(String name) {
        return GraphQLScalarType.newScalar().name(name).coercing(new Coercing<Object, Object>() {
            @Override
            public Object serialize(Object value, GraphQLContext context, java.util.Locale locale) {
                return value instanceof Number ? value : String.valueOf(value);
            }

            @Override
            public Object parseValue(Object input, GraphQLContext context, java.util.Locale locale) {
                return input;
            }

            @Override
            public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                    java.util.Locale locale) {
                if (input instanceof StringValue s) {
                    return s.getValue();
                }
                if (input instanceof IntValue i) {
                    return i.getValue().longValue();
                }
                return null;
            }
        }).build();
    }

    static GraphQLObjectType byTypename(TypeResolutionEnvironment env) {
        Object typename = ((Map<?, ?>) env.getObject()).get("__typename");
        return env.getSchema().getObjectType(String.valueOf(typename));
    }
}
