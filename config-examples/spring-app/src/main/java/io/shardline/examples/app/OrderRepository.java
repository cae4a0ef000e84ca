package io.shardline.examples.app;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** Spring Data queries, derived from method names as usual. */
public interface OrderRepository extends JpaRepository<CustomerOrder, Long> {

    List<CustomerOrder> findByCustomerIdOrderByAmountAsc(long customerId);

    Page<CustomerOrder> findByStatus(String status, Pageable pageable);

    long countByCustomerId(long customerId);
}
