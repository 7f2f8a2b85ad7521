package com.sessiondesk.apitest;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

/** openapi.yaml is a valid OpenAPI document for a parser written by others: no message at all. */
class OpenApiParserTest {

    @Test
    void swaggerParserReadsTheDocumentWithoutAMessage() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readLocation("openapi.yaml", null, options);
        assertThat(result.getMessages()).as("messages of swagger-parser").isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getPaths()).hasSizeGreaterThanOrEqualTo(20);
    }
}
