package io.streamgate.admin.identity;

import io.streamgate.state.InvalidResourceException;
import io.streamgate.state.document.ResourceDocuments;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentityResourceValidatorTest {

    private final IdentityResourceValidator validator = new IdentityResourceValidator();

    @Test
    void acceptsLocalAndExternalAccountsAndGroups() {
        validator.validate(ResourceDocuments.parseSingle("""
                {"kind": "ServiceAccount", "metadata": {"name": "a"}, "spec": {"type": "local"}}""", null));
        validator.validate(ResourceDocuments.parseSingle("""
                {"kind": "ServiceAccount", "metadata": {"name": "b"}, "spec": {"type": "EXTERNAL", "principal": "x"}}""",
                null));
        validator.validate(ResourceDocuments.parseSingle("""
                {"kind": "Group", "metadata": {"name": "g"}, "spec": {}}""", null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no type                  | {"kind":"ServiceAccount","metadata":{"name":"a"},"spec":{}}                                   | spec.type      | required: LOCAL or EXTERNAL
            unknown type             | {"kind":"ServiceAccount","metadata":{"name":"a"},"spec":{"type":"ROBOT"}}                     | spec.type      | expected LOCAL or EXTERNAL, not 'ROBOT'
            external, no principal   | {"kind":"ServiceAccount","metadata":{"name":"a"},"spec":{"type":"EXTERNAL"}}                  | spec.principal | required for an EXTERNAL account
            local with principal     | {"kind":"ServiceAccount","metadata":{"name":"a"},"spec":{"type":"LOCAL","principal":"p"}}     | spec.principal | only an EXTERNAL account has a principal
            unknown account field    | {"kind":"ServiceAccount","metadata":{"name":"a"},"spec":{"type":"LOCAL","password":"x"}}      | spec.password  | unknown field; a ServiceAccount's spec has type, principal
            scoped account           | {"kind":"ServiceAccount","metadata":{"name":"a","scope":{"username":"u"}},"spec":{"type":"LOCAL"}} | metadata.scope | service accounts are global
            members not a list       | {"kind":"Group","metadata":{"name":"g"},"spec":{"members":"a"}}                               | spec.members   | expected a list of strings, not a string ('a')
            member not a string      | {"kind":"Group","metadata":{"name":"g"},"spec":{"members":["a",3]}}                           | spec.members[1] | expected a non-empty string, not a number (3)
            member twice             | {"kind":"Group","metadata":{"name":"g"},"spec":{"members":["a","a"]}}                         | spec.members[1] | 'a' is listed twice
            blank external group     | {"kind":"Group","metadata":{"name":"g"},"spec":{"externalGroups":[" "]}}                      | spec.externalGroups[0] | expected a non-empty string
            unknown group field      | {"kind":"Group","metadata":{"name":"g"},"spec":{"owners":[]}}                                 | spec.owners    | unknown field; a Group's spec has members, externalGroups
            credentials              | {"kind":"ServiceAccountCredentials","metadata":{"name":"a"},"spec":{}}                        | kind           | ServiceAccountCredentials resources are written by the gateway only
            """)
    void refusesNamingTheField(String caseName, String json, String field, String problem) {
        assertThatThrownBy(() -> validator.validate(ResourceDocuments.parseSingle(json, null)))
                .isInstanceOfSatisfying(InvalidResourceException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.problem()).startsWith(problem);
                });
    }
}
