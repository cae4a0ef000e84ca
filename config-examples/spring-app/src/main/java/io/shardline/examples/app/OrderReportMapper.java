package io.shardline.examples.app;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Hand-written SQL for reports and bulk updates, as such applications keep it next to JPA. */
@Mapper
public interface OrderReportMapper {

    @Select("SELECT customer_id, COUNT(*) AS orders, SUM(amount) AS total FROM customer_order"
            + " GROUP BY customer_id ORDER BY customer_id")
    List<CustomerTotal> totals();

    @Select("SELECT customer_id, COUNT(*) AS orders, SUM(amount) AS total FROM customer_order"
            + " WHERE customer_id = #{customerId} GROUP BY customer_id")
    CustomerTotal totalOf(@Param("customerId") long customerId);

    /** A page of every order by amount: the classic LIMIT/OFFSET listing. */
    @Select("SELECT amount FROM customer_order ORDER BY amount DESC, customer_id LIMIT #{limit} OFFSET #{offset}")
    List<java.math.BigDecimal> amountsPage(@Param("limit") int limit, @Param("offset") int offset);

    @Update("UPDATE customer_order SET status = #{status} WHERE customer_id = #{customerId}")
    int setStatus(@Param("customerId") long customerId, @Param("status") String status);
}
