package io.shardline.examples.app;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The application's use cases; each public method is one transaction. */
@Service
public class ShopService {

    private final OrderRepository orders;
    private final OrderReportMapper reports;

    public ShopService(OrderRepository orders, OrderReportMapper reports) {
        this.orders = orders;
        this.reports = reports;
    }

    /** Places orders for one customer; returns them with their generated keys. */
    @Transactional
    public List<CustomerOrder> placeOrders(long customerId, List<BigDecimal> amounts) {
        List<CustomerOrder> placed = new ArrayList<>();
        for (BigDecimal amount : amounts) {
            placed.add(orders.save(new CustomerOrder(customerId, amount, "NEW")));
        }
        orders.flush();
        return placed;
    }

    /**
     * Places one order per customer, all or nothing: a negative amount is refused after the orders before it were
     * written (and flushed), so the whole transaction must roll back, on every database it touched.
     */
    @Transactional
    public void placeForEach(Map<Long, BigDecimal> amountByCustomer) {
        for (Map.Entry<Long, BigDecimal> e : amountByCustomer.entrySet()) {
            orders.saveAndFlush(new CustomerOrder(e.getKey(), e.getValue().abs(), "NEW"));
            if (e.getValue().signum() < 0) {
                throw new IllegalArgumentException("negative amount for customer " + e.getKey());
            }
        }
    }

    /** Marks a customer's orders paid with MyBatis, then reads them back through JPA in the same transaction. */
    @Transactional
    public List<String> payAll(long customerId) {
        int updated = reports.setStatus(customerId, "PAID");
        List<String> seen = new ArrayList<>();
        seen.add("updated " + updated);
        for (CustomerOrder o : orders.findByCustomerIdOrderByAmountAsc(customerId)) {
            seen.add(o.describe());
        }
        return seen;
    }

    /** Changes one order through JPA dirty checking. */
    @Transactional
    public void annotate(long orderId, String note) {
        orders.findById(orderId).orElseThrow(() -> new IllegalArgumentException("no order " + orderId)).setNote(note);
    }

    /** Deletes a customer's orders; returns how many there were. */
    @Transactional
    public int forget(long customerId) {
        List<CustomerOrder> mine = orders.findByCustomerIdOrderByAmountAsc(customerId);
        orders.deleteAll(mine);
        return mine.size();
    }
}
