package io.shardline.examples.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An ordinary Spring Boot shop written for one MySQL/MariaDB database: JPA entities ({@link CustomerOrder},
 * {@link Product}), Spring Data repositories, a MyBatis mapper for reports ({@link OrderReportMapper}) and a
 * {@code @Transactional} service ({@link ShopService}). Nothing in it knows about Shardline: the profile
 * {@code shardline} (application-shardline.properties) switches its DataSource to {@code jdbc:shardline:classpath:
 * shardline.yaml}, which shards {@code customer_order} by {@code customer_id} over two databases.
 */
@SpringBootApplication
public class ShopApplication {

    public static void main(String[] args) {
        SpringApplication.run(ShopApplication.class, args);
    }
}
