package io.shardline.router.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataNodeExpressionTest {

    @Test
    void expandsCartesianProductLeftmostSlowest() {
        assertThat(DataNodeExpression.dataNodes("ds_${0..1}.t_order_${0..3}")).extracting(DataNode::toString)
                .containsExactly("ds_0.t_order_0", "ds_0.t_order_1", "ds_0.t_order_2", "ds_0.t_order_3",
                        "ds_1.t_order_0", "ds_1.t_order_1", "ds_1.t_order_2", "ds_1.t_order_3");
    }

    @Test
    void expandsListsAndCommaSeparatedItems() {
        assertThat(DataNodeExpression.expand("ds_0.t_${[0, 2,5]}, ds_1.t_${['a','b']},ds_2.t_x"))
                .containsExactly("ds_0.t_0", "ds_0.t_2", "ds_0.t_5", "ds_1.t_a", "ds_1.t_b", "ds_2.t_x");
    }

    @Test
    void groupsInTheMiddleOfANameAndNegativeRanges() {
        assertThat(DataNodeExpression.expand("t_${1..2}_x_${-1..0}"))
                .containsExactly("t_1_x_-1", "t_1_x_0", "t_2_x_-1", "t_2_x_0");
    }

    @Test
    void splitsDataSourceAndTable() {
        DataNode node = DataNodeExpression.dataNodes("ds_1.t_order_3").get(0);
        assertThat(node.dataSource()).isEqualTo("ds_1");
        assertThat(node.table()).isEqualTo("t_order_3");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        // expression                       | position | reason fragment
        "ds_${0..1.t_order                  | 4        | is never closed",
        "ds_${}.t                           | 4        | empty '${}'",
        "ds_${3..1}.t                       | 6        | range 3..1 is empty",
        "ds_${a..1}.t                       | 6        | range bound 'a' is not an integer",
        "ds_${0-1}.t                        | 6        | expected a range like ${0..3}",
        "ds_0.t_${[0,,1]}                   | 13       | empty list element",
        "ds_0.t_${[0,x]}                    | 13       | neither an integer nor a quoted string",
        "ds_0.t_0,,ds_1.t_0                 | 10       | empty item",
        "ds_0.t}                            | 7        | unexpected '}'",
        "ds_${0..1}.t_0, ds_0.t_0           | 17       | 'ds_0.t_0' appears twice",
        "ds_${0..1}                         | 1        | not of the form dataSource.table",
    })
    void malformedExpressionsNameExpressionAndPosition(String expression, int position, String reason) {
        assertThatThrownBy(() -> DataNodeExpression.dataNodes(expression))
                .isInstanceOfSatisfying(InlineExpressionException.class, e -> {
                    assertThat(e.expression()).isEqualTo(expression);
                    assertThat(e.position()).isEqualTo(position);
                })
                .hasMessageContaining("'" + expression + "'")
                .hasMessageContaining("at position " + position)
                .hasMessageContaining(reason);
    }
}
